from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_asset_param = resolve('asset_param')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: '
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
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))):
        pass
        yield '      ReservedConcurrentExecutions: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))
        yield '\n'
    yield '      Role: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n      Code:\n        S3Bucket: !Ref '
    yield str(t_3((undefined(name='asset_param') if l_0_asset_param is missing else l_0_asset_param)))
    yield '\n        S3Key: '
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'asset'), 'file_name')))
    yield '\n      LoggingConfig:\n        LogGroup: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '      TracingConfig:\n        Mode: Active\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'):
        pass
        yield '      Layers:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'), 8))
        yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage') != 512):
        pass
        yield '      EphemeralStorage:\n        Size: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '      VpcConfig:\n        SubnetIds:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'), 10))
        yield '\n        SecurityGroupIds:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups'), 10))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '      Environment:\n        Variables:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'), 10))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=39&4=41&5=43&7=45&8=47&9=49&10=51&11=54&13=57&15=59&16=61&18=63&19=65&23=68&24=71&26=73&28=76&30=78&32=81&33=83&35=85&37=88&39=90&40=93'
