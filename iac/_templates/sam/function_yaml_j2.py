from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    l_0_events = resolve('events')
    l_0_settings = missing
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['key']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'key' found.")
    try:
        t_3 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_4 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('mapping_settings.j2', 'function.yaml.j2').make_module(context.get_all(), True, {'settings': l_0_settings})
    l_0_settings = getattr(included_template, 'settings', missing)
    if l_0_settings is missing:
        l_0_settings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'function.yaml.j2') does not export the requested name 'settings'", name='settings')
    context.vars['settings'] = l_0_settings
    context.exported_vars.discard('settings')
    yield '    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      Handler: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'handler')))
    yield '\n      Runtime: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'runtime')))
    yield '\n      Architectures:\n        - '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch'))
    yield '\n      MemorySize: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))
    yield '\n      Timeout: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'timeout'))
    yield '\n'
    if (not t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))):
        pass
        yield '      ReservedConcurrentExecutions: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))
        yield '\n'
    yield '      Role: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n      CodeUri: '
    yield str(t_4(str_join(('assets/', environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'asset'), 'file_name'), ))))
    yield '\n      LoggingConfig:\n        LogGroup: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '      Tracing: Active\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'):
        pass
        yield '      Layers:'
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'), 8))
        yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage') != 512):
        pass
        yield '      EphemeralStorage:\n        Size: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '      VpcConfig:\n        SubnetIds:'
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'), 10))
        yield '\n        SecurityGroupIds:'
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups'), 10))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '      Environment:\n        Variables:'
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'), 10))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_3(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'
    if (undefined(name='events') if l_0_events is missing else l_0_events):
        pass
        yield '      Events:\n'
        for l_1_e in (undefined(name='events') if l_0_events is missing else l_0_events):
            _loop_vars = {}
            pass
            yield '        '
            yield str(t_2(environment.getattr(l_1_e, 'name')))
            yield ':\n          Type: '
            yield str(environment.getattr(l_1_e, 'type'))
            yield '\n          Properties:\n            '
            yield str(environment.getattr(l_1_e, 'source_key'))
            yield ': '
            yield str(t_1(context, environment.getattr(environment.getattr(l_1_e, 'props'), 'source_arn')))
            yield '\n'
            yield str(context.call((undefined(name='settings') if l_0_settings is missing else l_0_settings), environment.getattr(l_1_e, 'props'), '            ', _loop_vars=_loop_vars))
        l_1_e = missing

blocks = {}
debug_info = '1=45&4=52&5=54&6=56&8=58&9=60&10=62&11=64&12=67&14=70&15=72&17=74&18=76&21=79&22=82&24=84&26=87&28=89&30=92&31=94&33=96&35=99&37=101&38=104&40=106&42=109&43=113&44=115&46=117&47=121'
