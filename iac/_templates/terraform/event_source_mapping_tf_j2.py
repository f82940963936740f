from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_source_mapping.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_lambda_event_source_mapping" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  function_name\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n  event_source_arn\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n  batch_size\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
        pass
        yield '  maximum_batching_window_in_seconds\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'):
        pass
        yield '  starting_position\x00= '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'report_failures'):
        pass
        yield '  function_response_types\x00= ["ReportBatchItemFailures"]\n'
    if (not t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
        pass
        yield '  maximum_retry_attempts\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
        yield '\n'
    if (not t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
        pass
        yield '  maximum_record_age_in_seconds\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
        pass
        yield '  bisect_batch_on_function_error\x00= true\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
        pass
        yield '\n  destination_config {\n    on_failure {\n      destination_arn\x00= '
        yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'), 6))
        yield '\n    }\n  }\n'
    if (not t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))):
        pass
        yield '\n  scaling_config {\n    maximum_concurrency\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))
        yield '\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '\n  filter_criteria {\n    filter {\n      pattern\x00= '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n    }\n  }\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '\n  depends_on\x00= ['
        yield str(t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 'dependency'), ', '))
        yield ']\n'
    yield '}\n'

blocks = {}
debug_info = '1=45&2=47&3=49&4=51&5=53&6=55&7=58&9=60&10=63&12=65&15=68&16=71&18=73&19=76&21=78&24=81&28=84&32=86&35=89&38=91&42=94&46=96&48=99'
