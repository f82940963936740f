from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'state_machine.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_definition = resolve('definition')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_Call = resolve('Call')
    l_0_Code = resolve('Code')
    l_0_body = l_0_subs = missing
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    (l_0_body, l_0_subs) = context.call((undefined(name='definition') if l_0_definition is missing else l_0_definition), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'definition'))
    context.vars.update({'body': l_0_body, 'subs': l_0_subs})
    context.exported_vars.update(('body', 'subs'))
    yield 'sfn.CfnStateMachine(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'state_machine_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    state_machine_type='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'role_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'tracing_configuration', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'sfn.CfnStateMachine.TracingConfigurationProperty', (), (('enabled', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), 'True')),))))
        yield '\n'
    yield '    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'definition_string', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'json.dumps', ((undefined(name='body') if l_0_body is missing else l_0_body),))))
    yield '\n'
    if (undefined(name='subs') if l_0_subs is missing else l_0_subs):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'definition_substitutions', (undefined(name='subs') if l_0_subs is missing else l_0_subs)))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'):
        pass
        yield '    logging_configuration=sfn.CfnStateMachine.LoggingConfigurationProperty(\n        level="ALL",\n        include_execution_data=True,\n        destinations=[\n            sfn.CfnStateMachine.LogDestinationProperty(\n                cloud_watch_logs_log_group=sfn.CfnStateMachine.CloudWatchLogsLogGroupProperty(\n                    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'log_group_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'), 20))
        yield '\n                ),\n            ),\n        ],\n    ),\n'
    yield ')\n'

blocks = {}
debug_info = '1=24&4=28&5=30&6=32&7=34&8=36&9=39&11=42&12=44&13=47&15=49&22=52'
